import { defineEvent } from '../event-definition.js';
import { BreakGlassEndedV1 } from './break-glass-ended.v1.js';
import { BreakGlassGrantedV1 } from './break-glass-granted.v1.js';

export const BreakGlassEvents = {
  granted: defineEvent({
    aggregate: 'break-glass',
    name: 'granted',
    version: 1,
    payload: BreakGlassGrantedV1,
    summary: 'Someone was granted time-limited, reasoned reading access to a family their agency is not involved with.',
  }),
  ended: defineEvent({
    aggregate: 'break-glass',
    name: 'ended',
    version: 1,
    payload: BreakGlassEndedV1,
    summary: 'A break-glass grant was ended before it expired.',
  }),
} as const;
