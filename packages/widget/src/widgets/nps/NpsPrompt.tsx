import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import van from 'vanjs-core';
import { createInstanceId } from '../../createInstanceId.js';
import { mountVanView } from '../../van/mountVanView.js';
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
  const [contactable] = useState(() => van.state(props.canContact !== false));
  useLayoutEffect(() => {
    contactable.val = props.canContact !== false;
  });
  const hasReferral = !!props.loadReferral;
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const now = () => latest.current;
    return mountVanView(element, (onUnmount) =>
      renderNpsPrompt(
        {
          merchant,
          testimonialUrl,
          canContact: () => contactable.val,
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
