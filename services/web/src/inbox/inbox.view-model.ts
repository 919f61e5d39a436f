import { dateTime } from '../layout/dates.js';
import type { InboxItem, InboxPage } from './inbox.api.js';

export interface InboxItemView {
  id: string;
  title: string;
  body: string;
  /** The page in this service the notification is about, or none when it names no page here. */
  href?: string;
  receivedAt: string;
  unread: boolean;
  urgent: boolean;
}

export interface InboxView {
  pageTitle: string;
  showingUnreadOnly: boolean;
  items: InboxItemView[];
  nextPageHref?: string;
  /** The list's own address, so marking one read comes back to the same filter. */
  returnTo: string;
}

const PAGES = /^\/(referrals|plans|orders|contracts|events|families)\/[^/]+/;

export function inboxView(page: InboxPage, showingUnreadOnly: boolean): InboxView {
  const base = showingUnreadOnly ? '/inbox?show=unread' : '/inbox';
  return {
    pageTitle: 'Notifications',
    showingUnreadOnly,
    items: page.items.map(itemView),
    nextPageHref: page.nextCursor
      ? `${base}${showingUnreadOnly ? '&' : '?'}cursor=${encodeURIComponent(page.nextCursor)}`
      : undefined,
    returnTo: base,
  };
}

function itemView(item: InboxItem): InboxItemView {
  return {
    id: item.id,
    title: item.title,
    body: item.body,
    href: localPath(item.link),
    receivedAt: dateTime(item.createdAt),
    unread: item.readAt === null,
    urgent: item.urgent,
  };
}

/** Links in notifications name PUBLIC_BASE_URL; the same path opens the page here. */
export function localPath(link: string): string | undefined {
  try {
    const { pathname } = new URL(link, 'http://local.invalid');
    return PAGES.test(pathname) ? pathname : undefined;
  } catch {
    return undefined;
  }
}
