-- KEYS[1] reservation:<id>
-- ARGV id, action (confirm|cancel), now, payment_intent_id, has_payment_intent (1/0), order_id, has_order (1/0)
-- Returns {'not_found'} | {'wrong_status', fields} | {'done', fields}
local id, action = ARGV[1], ARGV[2]
local event_id = redis.call('HGET', KEYS[1], 'event_id')
if not event_id then
  return {'not_found'}
end
reclaim(event_id, tonumber(ARGV[3]))
local reservation = redis.call('HMGET', KEYS[1], 'status', 'seats')
if reservation[1] ~= 'HOLD' then
  return {'wrong_status', redis.call('HGETALL', KEYS[1])}
end
local count = seat_count(reservation[2])
redis.call('ZREM', inventory_key(event_id, 'holds'), id)
redis.call('DECRBY', inventory_key(event_id, 'held'), count)
if action == 'confirm' then
  redis.call('HSET', KEYS[1], 'status', 'CONFIRMED')
  if ARGV[5] == '1' then
    redis.call('HSET', KEYS[1], 'payment_intent_id', ARGV[4])
  else
    redis.call('HDEL', KEYS[1], 'payment_intent_id')
  end
  if ARGV[7] == '1' then
    redis.call('HSET', KEYS[1], 'order_id', ARGV[6])
  else
    redis.call('HDEL', KEYS[1], 'order_id')
  end
  redis.call('INCRBY', inventory_key(event_id, 'sold'), count)
else
  free_seats(event_id, reservation[2])
  redis.call('HSET', KEYS[1], 'status', 'CANCELLED')
  redis.call('HDEL', KEYS[1], 'order_id')
  redis.call('PEXPIRE', KEYS[1], ENDED_RESERVATION_TTL_MS)
end
return {'done', redis.call('HGETALL', KEYS[1])}
