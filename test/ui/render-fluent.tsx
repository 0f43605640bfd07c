import { createDOMRenderer, FluentProvider, RendererProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';

// Role and name queries call getComputedStyle on every element, which jsdom makes slow in proportion to
// the number of CSS rules; Fluent inserts thousands. Tests check behaviour, not looks: insert none.
const noCssRenderer = createDOMRenderer(document, { unstable_filterCSSRule: () => false });

export type TestUser = ReturnType<typeof userEvent.setup>;

/** `ui` inside the CSS-free renderer (and a FluentProvider, unless `ui` brings its own, as the apps do). */
export function fluent(ui: ReactElement, options: { readonly provider?: boolean } = {}): ReactElement {
  const content = options.provider === false ? ui : <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>;
  return (
    <RendererProvider renderer={noCssRenderer} targetDocument={document}>
      {content}
    </RendererProvider>
  );
}

const isDisabled = (element: Element) => element.matches(':disabled') || element.closest('[aria-disabled="true"]') !== null;

/**
 * A user who, like a person, waits until what they click can be clicked: a button that an async step
 * (a read, a check, a write) disables for a moment is clicked once it is enabled again, not skipped.
 */
function patientUser(user: TestUser): TestUser {
  const click: TestUser['click'] = async (element) => {
    await waitFor(() => {
      if (isDisabled(element)) throw new Error(`still disabled: ${element.textContent ?? element.tagName}`);
    });
    return user.click(element);
  };
  return { ...user, click };
}

/** The one way every Fluent test renders: no CSS, a user that types without delays and clicks only what is enabled. */
export function renderFluent(ui: ReactElement, options: { readonly provider?: boolean } = {}): RenderResult & { readonly user: TestUser } {
  const user = patientUser(userEvent.setup({ delay: null }));
  return { user, ...render(fluent(ui, options)) };
}

// Dialogs: found by role whatever tabster's aria-hidden says (test/jsdom-setup.ts), closed when they leave the DOM.
export function findDialog(): Promise<HTMLElement> {
  return screen.findByRole('dialog');
}

export function dialogButton(dialog: HTMLElement, name: string): HTMLElement {
  return within(dialog).getByRole('button', { name });
}

export async function dialogClosed(): Promise<void> {
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
}
