/** CRM sync bench arithmetic: pure, over counts and times the bench recorded. */

export interface Budget {
  requests: number;
  perMs: number;
}

/**
 * The fewest requests a logged call can cost: the requests one batch needs, shared by the most
 * calls one batch takes. A CRM without a batch endpoint (batch size 1) costs its requests per call.
 */
export function idealRequestsPerCall(requestsPerBatch: number, maxBatchSize: number): number {
  if (!(requestsPerBatch > 0) || !Number.isInteger(maxBatchSize) || maxBatchSize < 1)
    throw new RangeError('a batch needs at least one request and takes at least one call');
  return requestsPerBatch / maxBatchSize;
}

/** null when nothing was logged: no cost per call to speak of. */
export function perCall(requests: number, calls: number): number | null {
  return calls > 0 ? requests / calls : null;
}

export interface SustainedCounts {
  /** Every request the CRM received in the measured span, those it answered 429 included. */
  requests: number;
  rateLimited: number;
  /** Calls the CRM held at the end of the span that it did not hold at its start. */
  logged: number;
  elapsedMs: number;
}

export interface SustainedRates {
  /** Requests the CRM accepted per second. */
  acceptedPerSecond: number;
  /** Accepted requests ÷ the most the limit lets through in the same span. */
  fractionOfBound: number;
  loggedPerSecond: number;
  /** Share of all requests answered 429; 0 when none were sent. */
  rateLimitedShare: number;
}

/**
 * A fixed-window limit of `requests` per `perMs` lets at most `requests × spans` through a span of
 * whole windows measured from the first request, so the bound over `elapsedMs` is that rate times
 * the span. Rejected requests are not throughput: only accepted ones count toward the fraction.
 */
export function sustainedRates(counts: SustainedCounts, limit: Budget): SustainedRates {
  if (!(counts.elapsedMs > 0)) throw new RangeError('a sustained run needs a positive span');
  const seconds = counts.elapsedMs / 1000;
  const accepted = counts.requests - counts.rateLimited;
  const bound = (limit.requests * counts.elapsedMs) / limit.perMs;
  return {
    acceptedPerSecond: accepted / seconds,
    fractionOfBound: accepted / bound,
    loggedPerSecond: counts.logged / seconds,
    rateLimitedShare: counts.requests > 0 ? counts.rateLimited / counts.requests : 0,
  };
}

/**
 * Calls a sustained run needs waiting so the CRM's limit, not the backlog, ends it: the requests
 * the limit allows over the span, times the calls each request carries, with a margin.
 */
export function backlogFor(limit: Budget, spanMs: number, callsPerRequest: number, margin = 1.5): number {
  const requests = (limit.requests * spanMs) / limit.perMs;
  return Math.ceil(requests * callsPerRequest * margin);
}

export interface Bucket {
  capacity: number;
  refillPerSecond: number;
}

/**
 * The bucket a connector built for its CRM's real budget, scaled to a smaller bench budget: burst
 * and refill shrink in the same proportion, so the connector's own rule (whatever burst share it
 * keeps) is what runs, against a limit a short bench can saturate. A burst scaled below one token
 * could never pay for a request, so it stays at one, taken from the refill as the connectors do.
 */
export function scaleBucket(bucket: Bucket, real: Budget, bench: Budget): Bucket {
  const share = bench.requests / real.requests;
  const perWindow = share * (bucket.capacity + (bucket.refillPerSecond * real.perMs) / 1000);
  const capacity = Math.max(1, bucket.capacity * share);
  return { capacity, refillPerSecond: (Math.max(0, perWindow - capacity) * 1000) / bench.perMs };
}
