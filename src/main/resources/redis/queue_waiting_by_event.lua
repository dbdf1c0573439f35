-- Returns {event_id, waiting, event_id, waiting, ...} for every event in queue:events.
local events = redis.call('SMEMBERS', 'queue:events')
local out = {}
for i = 1, #events do
  out[#out + 1] = events[i]
  out[#out + 1] = redis.call('ZCARD', rank_key(events[i]))
end
return out
