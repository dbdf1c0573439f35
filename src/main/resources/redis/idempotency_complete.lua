-- KEYS[1] idempotency:<key>, KEYS[2] dedupe:<key>
-- ARGV fingerprint, status, content_type, has_content_type (1/0), body, ttl_ms
-- The record keeps the claim's expiry; a key that is neither claimed nor recorded is left alone.
local expires_at = redis.call('HGET', KEYS[2], 'expires_at') or redis.call('HGET', KEYS[1], 'expires_at')
if not expires_at then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'fingerprint', ARGV[1], 'status', ARGV[2], 'body', ARGV[5], 'expires_at', expires_at)
if ARGV[4] == '1' then
  redis.call('HSET', KEYS[1], 'content_type', ARGV[3])
end
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('DEL', KEYS[2])
return 1
