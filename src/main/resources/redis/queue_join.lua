-- KEYS[1] queue:waiting:<token>
-- ARGV token, event_id, user_id, has_user (1/0), joined_at, heartbeat_ms, lifetime_ms
local token, event_id = ARGV[1], ARGV[2]
local joined_at = tonumber(ARGV[5])
local heartbeat_ms, lifetime_ms = tonumber(ARGV[6]), tonumber(ARGV[7])
drop_stale(event_id, joined_at, heartbeat_ms)
local seq_key = 'queue:seq:' .. event_id
local seq = redis.call('INCR', seq_key)
redis.call('ZADD', rank_key(event_id), seq, token)
redis.call('ZADD', heartbeat_key(event_id), heartbeat_score(joined_at, joined_at, heartbeat_ms, lifetime_ms), token)
redis.call('HSET', KEYS[1], 'event_id', event_id, 'joined_at', ARGV[5], 'state', 'waiting')
if ARGV[4] == '1' then
  redis.call('HSET', KEYS[1], 'user_id', ARGV[3])
end
redis.call('PEXPIRE', KEYS[1], lifetime_ms)
-- every member's lifetime ends within lifetime_ms of the latest join
redis.call('PEXPIRE', rank_key(event_id), lifetime_ms)
redis.call('PEXPIRE', heartbeat_key(event_id), lifetime_ms)
redis.call('PEXPIRE', seq_key, lifetime_ms)
redis.call('SADD', 'queue:events', event_id)
return seq
