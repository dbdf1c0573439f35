-- KEYS[1] reservation:<id>
-- ARGV id, event_id, user_id, has_user (1/0), now, hold_expires_at, seats_per_event, quantity,
--      then the requested seat numbers (none: take the lowest `quantity` free seats)
-- Returns {'held', "n,n,..."} | {'unavailable'}
local id, event_id = ARGV[1], ARGV[2]
local now = tonumber(ARGV[5])
local seats_per_event = tonumber(ARGV[7])
local quantity = tonumber(ARGV[8])
reclaim(event_id, now)
redis.call('SADD', 'inventory:events', event_id)
local taken = inventory_key(event_id, 'taken')
if redis.call('EXISTS', taken) == 0 then
  redis.call('SETBIT', taken, 0, 1)
end
local numbers = {}
if #ARGV > 8 then
  for i = 9, #ARGV do
    if redis.call('GETBIT', taken, ARGV[i]) == 1 then
      return {'unavailable'}
    end
    numbers[#numbers + 1] = ARGV[i]
  end
  for i = 1, #numbers do
    redis.call('SETBIT', taken, numbers[i], 1)
  end
else
  if quantity < 0 then
    return {'unavailable'}
  end
  local free = seats_per_event - (redis.call('BITCOUNT', taken) - 1)
  if quantity > free then
    return {'unavailable'}
  end
  for i = 1, quantity do
    local n = redis.call('BITPOS', taken, 0)
    redis.call('SETBIT', taken, n, 1)
    numbers[#numbers + 1] = n
  end
end
local seats = table.concat(numbers, ',')
redis.call('HSET', KEYS[1], 'id', id, 'event_id', event_id, 'status', 'HOLD', 'seats', seats,
    'created_at', ARGV[5], 'hold_expires_at', ARGV[6])
if ARGV[4] == '1' then
  redis.call('HSET', KEYS[1], 'user_id', ARGV[3])
end
redis.call('ZADD', inventory_key(event_id, 'holds'), ARGV[6], id)
redis.call('INCRBY', inventory_key(event_id, 'held'), #numbers)
return {'held', seats}
