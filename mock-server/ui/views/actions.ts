import { useState } from 'preact/hooks';
import { messageOf } from '../components.js';

export type NoticeValue = { readonly kind: 'ok' | 'error'; readonly text: string } | undefined;

/** Runs an admin action, says what it did (or why it failed) in the view's notice, then calls `after`. */
export function useAction(after: () => void): { notice: NoticeValue; run: (action: () => Promise<unknown>, done: string) => void } {
  const [notice, setNotice] = useState<NoticeValue>(undefined);
  const run = (action: () => Promise<unknown>, done: string) => {
    action().then(
      () => {
        setNotice({ kind: 'ok', text: done });
        after();
      },
      (error: unknown) => setNotice({ kind: 'error', text: messageOf(error) }),
    );
  };
  return { notice, run };
}
