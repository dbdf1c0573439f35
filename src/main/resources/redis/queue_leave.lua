-- KEYS[1] queue:waiting:<token>; ARGV token. Only a waiting ticket leaves (as in memory).
local ticket = redis.call('HMGET', KEYS[1], 'event_id', 'state')
if ticket[2] ~= 'waiting' then
  return 0
end
redis.call('ZREM', rank_key(ticket[1]), ARGV[1])
redis.call('ZREM', heartbeat_key(ticket[1]), ARGV[1])
redis.call('DEL', KEYS[1])
return 1
