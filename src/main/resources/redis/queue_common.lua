-- Shared by the waiting-room scripts (LuaScript prepends it). Keys:
--   queue:event:<event>     ZSET token -> join sequence (the ranking; rank = ZRANK + 1)
--   heartbeat:<event>       ZSET token -> last poll ms, capped at joined_at + lifetime - heartbeat
--                           so that "score <= now - heartbeat" also catches an ended lifetime
--   queue:waiting:<token>   HASH event_id, user_id, joined_at, state (waiting|entered|dropped)
local function rank_key(event_id) return 'queue:event:' .. event_id end
local function heartbeat_key(event_id) return 'heartbeat:' .. event_id end
local function waiting_key(token) return 'queue:waiting:' .. token end

local function heartbeat_score(now, joined_at, heartbeat_ms, lifetime_ms)
  return math.min(now, joined_at + lifetime_ms - heartbeat_ms)
end

-- Drops every waiting ticket of the event whose heartbeat (or lifetime) ran out by now.
local function drop_stale(event_id, now, heartbeat_ms)
  local heartbeats = heartbeat_key(event_id)
  local cutoff = now - heartbeat_ms
  local stale = redis.call('ZRANGEBYSCORE', heartbeats, '-inf', cutoff)
  if #stale == 0 then
    return 0
  end
  local ranks = rank_key(event_id)
  for i = 1, #stale do
    redis.call('ZREM', ranks, stale[i])
    local ticket = waiting_key(stale[i])
    if redis.call('HGET', ticket, 'state') == 'waiting' then
      redis.call('HSET', ticket, 'state', 'dropped')
    end
  end
  redis.call('ZREMRANGEBYSCORE', heartbeats, '-inf', cutoff)
  return #stale
end
