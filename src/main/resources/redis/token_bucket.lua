-- A token bucket that starts full. KEYS[1] bucket HASH (tokens, last_ms)
-- ARGV capacity, refill_per_second, now, ttl_ms
-- Returns {allowed (1/0), tokens after the take as a string}
local capacity = tonumber(ARGV[1])
local per_second = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'last_ms')
local tokens, last = capacity, now
if bucket[1] then
  tokens = tonumber(bucket[1])
  last = tonumber(bucket[2])
  if now > last then
    tokens = math.min(capacity, tokens + (now - last) * per_second / 1000)
    last = now
  end
end
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
local encoded = string.format('%.17g', tokens)
redis.call('HSET', KEYS[1], 'tokens', encoded, 'last_ms', string.format('%d', last))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {allowed, encoded}
