import '@testing-library/jest-dom';
import { configure } from '@testing-library/dom';

// Fluent's focus trap (tabster) sets aria-hidden on the page while a dialog is open and takes it away
// asynchronously after it closes: role queries include hidden elements so that no test waits on that timing.
// What a dialog does is asserted through its own content; the browser tests check the real accessibility tree.
// A generous wait: jsdom renders Fluent slowly on a loaded machine, and a finder returns as soon as it matches.
configure({ defaultHidden: true, asyncUtilTimeout: 15_000 });
jest.setTimeout(120_000);
