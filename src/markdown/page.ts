/**
 * The builders for rendered pages (builders.ts, `page` mode): ladder-author text, shown literally.
 */
import { markdownBuilders } from './builders';

export const {
  code,
  emphasis,
  heading,
  link,
  list,
  paragraph,
  paragraphs,
  strike,
  strong,
  table,
  text,
} = markdownBuilders('page');
