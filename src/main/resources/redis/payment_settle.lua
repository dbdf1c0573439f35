-- KEYS[1] payment:<id>; ARGV status. Moves a PENDING intent to status.
-- Returns {} when unknown, else {changed (1/0), fields}
local status = redis.call('HGET', KEYS[1], 'status')
if not status then
  return {}
end
local changed = 0
if status == 'PENDING' then
  redis.call('HSET', KEYS[1], 'status', ARGV[1])
  changed = 1
end
return {changed, redis.call('HGETALL', KEYS[1])}
