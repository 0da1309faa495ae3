import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { createInstanceId } from '../../createInstanceId.js';
import { mountView } from '../../dom/mountView.js';
import { type NpsPromptProps, renderNpsPrompt } from './renderNpsPrompt.js';

export type { NpsAnswer, NpsPromptProps } from './renderNpsPrompt.js';

/**
 * The NPS prompt as a Preact component (see {@link renderNpsPrompt}): a `<div>` the prompt
 * is rendered into, before the browser paints, unstyled (the `nps` widget puts it in a
 * shadow root with its sheet). It starts over when `merchant`, `testimonialUrl`,
 * `maxLength`, `messages` or whether `loadReferral` is given change (pass `messages` as a
 * constant or memoized value); the callbacks, `loadReferral` itself, `emit` and
 * `canContact` (the contact question comes or goes, the score stays) may change freely.
 */
export function NpsPrompt(props: NpsPromptProps) {
  const latest = useRef(props);
  latest.current = props;
  const host = useRef<HTMLDivElement>(null);
  const { merchant, testimonialUrl, maxLength, messages } = props;
  // The prompt's contact question listens here: told after every render, as `canContact`
  // may have changed.
  const [listeners] = useState(() => new Set<() => void>());
  useLayoutEffect(() => {
    for (const listener of listeners) listener();
  });
  const hasReferral = !!props.loadReferral;
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const now = () => latest.current;
    return mountView(element, ({ onUnmount }) =>
      renderNpsPrompt(
        {
          merchant,
          testimonialUrl,
          canContact: () => now().canContact !== false,
          subscribe: (listener) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
          maxLength,
          messages,
          onAnswer: (answer) => now().onAnswer(answer),
          onDismiss: (dismissal) => now().onDismiss(dismissal),
          onShown: () => now().onShown?.(),
          onClose: () => now().onClose?.(),
          loadReferral: hasReferral
            ? () => now().loadReferral?.() ?? Promise.resolve(null)
            : undefined,
          emit: (name, detail) => now().emit?.(name, detail),
        },
        createInstanceId(),
        onUnmount,
      ),
    );
  }, [merchant, testimonialUrl, maxLength, messages, hasReferral]);
  return <div ref={host} />;
}
