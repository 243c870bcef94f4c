import { useEffect, useRef } from 'preact/hooks';
import type { LiveEvents } from '../live.js';

/** Calls `reload` after journal events, at most once per `everyMs`, so a burst of requests costs one reload. */
export function useLiveReload(live: LiveEvents, reload: () => void, everyMs = 1000): void {
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => {
    const off = live.listen((event) => {
      if (event !== 'request' && event !== 'cleared') return;
      if (timer.current !== undefined) return;
      timer.current = window.setTimeout(() => {
        timer.current = undefined;
        reload();
      }, everyMs);
    });
    return () => {
      off();
      if (timer.current !== undefined) window.clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [live, reload, everyMs]);
}
