import { createDOMRenderer } from '@fluentui/react-components';

// Role and name queries call getComputedStyle on every element, which jsdom makes slow in proportion to
// the number of CSS rules; Fluent inserts thousands. Tests check behaviour, not looks: insert none.
export const noCssRenderer = createDOMRenderer(document, { unstable_filterCSSRule: () => false });
