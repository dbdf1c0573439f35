-- KEYS[1] idempotency:<key> HASH (fingerprint, expires_at, status, content_type, body)
-- KEYS[2] dedupe:<key>      HASH (fingerprint, expires_at): the in-flight claim
-- ARGV fingerprint, now, ttl_ms
-- Returns {'replay', status, content_type|nil, body} | {'conflict'} | {'in_progress'} | {'claimed'}
local fingerprint = ARGV[1]
local now = tonumber(ARGV[2])
local ttl_ms = tonumber(ARGV[3])
local record = redis.call('HMGET', KEYS[1], 'fingerprint', 'expires_at', 'status', 'content_type', 'body')
if record[1] then
  if tonumber(record[2]) > now then
    if record[1] == fingerprint then
      return {'replay', record[3], record[4], record[5]}
    end
    return {'conflict'}
  end
  redis.call('DEL', KEYS[1])
end
local claim = redis.call('HMGET', KEYS[2], 'fingerprint', 'expires_at')
if claim[1] and tonumber(claim[2]) > now then
  if claim[1] == fingerprint then
    return {'in_progress'}
  end
  return {'conflict'}
end
redis.call('HSET', KEYS[2], 'fingerprint', fingerprint, 'expires_at', string.format('%d', now + ttl_ms))
redis.call('PEXPIRE', KEYS[2], ttl_ms)
return {'claimed'}
