-- KEYS[1] queue:waiting:<token>
-- ARGV token, reservation_token, now, heartbeat_ms, lifetime_ms, admission_window_ms, reservation_token_ttl_ms
-- Returns 1 when the waiting ticket was admitted, 0 when it was not waiting any more.
local token = ARGV[1]
local now = tonumber(ARGV[3])
local heartbeat_ms, lifetime_ms = tonumber(ARGV[4]), tonumber(ARGV[5])
local window_ms = tonumber(ARGV[6])
local event_id = redis.call('HGET', KEYS[1], 'event_id')
if not event_id then
  return 0
end
drop_stale(event_id, now, heartbeat_ms)
local ticket = redis.call('HMGET', KEYS[1], 'state', 'joined_at')
if ticket[1] ~= 'waiting' or tonumber(ticket[2]) + lifetime_ms <= now then
  return 0
end
redis.call('ZREM', rank_key(event_id), token)
redis.call('ZREM', heartbeat_key(event_id), token)
redis.call('HSET', KEYS[1], 'state', 'entered')
local admitted = 'queue:admitted:' .. event_id
redis.call('ZADD', admitted, now, token)
redis.call('ZREMRANGEBYSCORE', admitted, '-inf', now - window_ms)
redis.call('PEXPIRE', admitted, window_ms + 60000)
redis.call('SET', 'queue:reservation-token:' .. ARGV[2], token, 'PX', ARGV[7])
return 1
