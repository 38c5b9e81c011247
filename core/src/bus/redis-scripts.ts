/**
 * Lua run inside Redis so each read-decide-write happens atomically across instances. Every script
 * that needs the time reads the server's TIME, never the caller's clock, so instances whose clocks
 * drift still agree on expiry and refill.
 */
const SERVER_NOW_MS = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
`;

/**
 * KEYS[1] presence hash of one account; ARGV member, status, ttlMs. Field value "expiresAt:status".
 * The hash itself expires with its longest-lived member so abandoned accounts vanish.
 */
export const SET_PRESENCE = `${SERVER_NOW_MS}
local ttl = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], string.format('%d', now + ttl) .. ':' .. ARGV[2])
if redis.call('PTTL', KEYS[1]) < ttl then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return 1
`;

/** KEYS[1] presence hash. Drops expired members; returns flat [memberId, status, expiresAt, ...]. */
export const LIST_PRESENCE = `${SERVER_NOW_MS}
local fields = redis.call('HGETALL', KEYS[1])
local live = {}
for i = 1, #fields, 2 do
  local expiresAt, status = string.match(fields[i + 1], '^(%d+):(.*)$')
  if expiresAt and tonumber(expiresAt) > now then
    table.insert(live, fields[i])
    table.insert(live, status)
    table.insert(live, expiresAt)
  else
    redis.call('HDEL', KEYS[1], fields[i])
  end
end
return live
`;

/** KEYS[1] claim; ARGV owner, ttlMs. Returns [won (0|1), owner]. The owner claiming again renews. */
export const CLAIM = `
local current = redis.call('GET', KEYS[1])
if current == false or current == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return {1, ARGV[1]}
end
return {0, current}
`;

/** KEYS[1] claim; ARGV owner. Returns 1 when the owner released it, else 0. */
export const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/**
 * KEYS[1] bucket hash {tokens, at}; ARGV capacity, refillPerSecond, cost. Mirrors takeTokens in
 * token-bucket.ts, TOKEN_EPSILON included. Returns [allowed (0|1), remaining, retryAfterMs]. The hash expires once it would
 * have refilled, since a missing bucket is a full one.
 */
export const TAKE = `${SERVER_NOW_MS}
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2]) / 1000
local cost = tonumber(ARGV[3])
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(saved[1])
local at = tonumber(saved[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
local allowed = 0
local retryAfter = 0
if tokens + 1e-9 >= cost then
  tokens = math.max(0, tokens - cost)
  allowed = 1
else
  retryAfter = math.ceil((cost - tokens) / perMs)
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%d', now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / perMs) + 1000)
return {allowed, math.floor(tokens), retryAfter}
`;
