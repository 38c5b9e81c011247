import { useCallback, useEffect, useState } from 'react';
import { ApiError, api } from '../api/client.ts';

/** Anything thrown while calling the API, as an ApiError so screens handle one shape. */
export function asApiError(caught: unknown): ApiError {
  return caught instanceof ApiError ? caught : new ApiError(0, 'network', String(caught), {});
}

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  reload: () => Promise<void>;
}

/** GETs `path` on mount and on `reload()`; `null` path loads nothing (a screen waiting on a choice). */
export function useLoad<T>(path: string | null): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    if (path === null) return;
    try {
      setData(await api<T>('GET', path));
      setError(null);
    } catch (caught) {
      setError(asApiError(caught));
    }
  }, [path]);
  useEffect(() => {
    setData(undefined);
    void reload();
  }, [reload]);
  return { data, error, reload };
}

export interface Submit {
  busy: boolean;
  error: ApiError | null;
  /** Runs one API call; on failure keeps the error for the form (field errors next to fields). */
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
  clear: () => void;
}

export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async <T>(work: () => Promise<T>) => {
    setBusy(true);
    try {
      const result = await work();
      setError(null);
      return result;
    } catch (caught) {
      setError(asApiError(caught));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: useCallback(() => setError(null), []) };
}
