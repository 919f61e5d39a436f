import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const PAGES = new Map<Type<unknown>, Type<unknown>>();

/** The schema of a cursor page of `item` (see `pageOf`): named `<Item>Page`, one class per item class. */
export function PageOf(item: Type<unknown>): Type<unknown> {
  const known = PAGES.get(item);
  if (known) return known;
  class Page {
    @ApiProperty({ type: [item] })
    items: unknown[];

    @ApiPropertyOptional({ description: 'Pass as `cursor` for the next page; absent on the last page' })
    nextCursor?: string;
  }
  Object.defineProperty(Page, 'name', { value: `${item.name.replace(/View$/, '')}Page` });
  PAGES.set(item, Page);
  return Page;
}
