-- ARGV now. Returns {event_id, held, sold, ...} for every event in inventory:events.
local now = tonumber(ARGV[1])
local events = redis.call('SMEMBERS', 'inventory:events')
local out = {}
for i = 1, #events do
  reclaim(events[i], now)
  out[#out + 1] = events[i]
  out[#out + 1] = tonumber(redis.call('GET', inventory_key(events[i], 'held')) or '0')
  out[#out + 1] = tonumber(redis.call('GET', inventory_key(events[i], 'sold')) or '0')
end
return out
