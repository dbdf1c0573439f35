-- KEYS[1] reservation:<id>; ARGV now. Returns the reservation's fields (HGETALL), empty when unknown.
local event_id = redis.call('HGET', KEYS[1], 'event_id')
if not event_id then
  return {}
end
reclaim(event_id, tonumber(ARGV[1]))
return redis.call('HGETALL', KEYS[1])
