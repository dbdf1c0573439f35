-- Shared by the reservation scripts (LuaScript prepends it). Keys per event:
--   inventory:<event>:taken  bitmap, bit n = seat Sn held or sold (bit 0 is set and is no seat)
--   inventory:<event>:holds  ZSET reservation id -> hold expiry ms
--   inventory:<event>:held / :sold  seat counters
--   reservation:<id>         HASH id, event_id, user_id, status, seats ("1,2,3"), created_at,
--                            hold_expires_at, payment_intent_id, order_id
local ENDED_RESERVATION_TTL_MS = 3600000

local function inventory_key(event_id, suffix) return 'inventory:' .. event_id .. ':' .. suffix end

-- Returns the seats to stock; answers how many.
local function free_seats(event_id, seats)
  local taken = inventory_key(event_id, 'taken')
  local freed = 0
  for n in string.gmatch(seats, '%d+') do
    redis.call('SETBIT', taken, n, 0)
    freed = freed + 1
  end
  return freed
end

local function seat_count(seats)
  local count = 0
  for _ in string.gmatch(seats, '%d+') do
    count = count + 1
  end
  return count
end

-- Expires every hold of the event that ended by now and returns its seats.
local function reclaim(event_id, now)
  local holds = inventory_key(event_id, 'holds')
  local due = redis.call('ZRANGEBYSCORE', holds, '-inf', now)
  if #due == 0 then
    return
  end
  local freed = 0
  for i = 1, #due do
    local key = 'reservation:' .. due[i]
    local reservation = redis.call('HMGET', key, 'status', 'seats')
    if reservation[1] == 'HOLD' then
      freed = freed + free_seats(event_id, reservation[2])
      redis.call('HSET', key, 'status', 'EXPIRED')
      redis.call('PEXPIRE', key, ENDED_RESERVATION_TTL_MS)
    end
  end
  redis.call('ZREMRANGEBYSCORE', holds, '-inf', now)
  if freed > 0 then
    redis.call('DECRBY', inventory_key(event_id, 'held'), freed)
  end
end
