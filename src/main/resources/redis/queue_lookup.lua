-- KEYS[1] queue:waiting:<token>
-- ARGV token, now, renew (1/0), heartbeat_ms, lifetime_ms
-- Returns {'waiting', event_id, user_id|nil, joined_at, position} | {'entered'} | {'unknown'}
local token = ARGV[1]
local now = tonumber(ARGV[2])
local heartbeat_ms, lifetime_ms = tonumber(ARGV[4]), tonumber(ARGV[5])
local ticket = redis.call('HMGET', KEYS[1], 'event_id', 'user_id', 'joined_at')
local event_id = ticket[1]
if not event_id then
  return {'unknown'}
end
drop_stale(event_id, now, heartbeat_ms)
local joined_at = tonumber(ticket[3])
if joined_at + lifetime_ms <= now then
  redis.call('ZREM', rank_key(event_id), token)
  redis.call('ZREM', heartbeat_key(event_id), token)
  redis.call('DEL', KEYS[1])
  return {'unknown'}
end
local state = redis.call('HGET', KEYS[1], 'state')
if state == 'entered' then
  return {'entered'}
end
if state ~= 'waiting' then
  return {'unknown'}
end
local rank = redis.call('ZRANK', rank_key(event_id), token)
if not rank then
  return {'unknown'}
end
if ARGV[3] == '1' then
  redis.call('ZADD', heartbeat_key(event_id), heartbeat_score(now, joined_at, heartbeat_ms, lifetime_ms), token)
end
return {'waiting', event_id, ticket[2], ticket[3], rank + 1}
