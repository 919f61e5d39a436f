import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AppealOutcome, AppealRoute, OrderApplicant, OrderApplicationKind } from '@baton/contracts';

export type ApplicationOutcome = 'granted' | 'refused' | 'withdrawn';

/** An application to the court to vary or discharge an order, and the court's outcome. */
@Entity('order_application')
export class OrderApplication {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('text') tenant: string;
  @Column('text') kind: OrderApplicationKind;
  @Column('text') applicant: OrderApplicant;
  @Column('date', { name: 'applied_on' }) appliedOn: string;
  @Column('text') details: string;
  @Column('text', { nullable: true }) outcome: ApplicationOutcome | null;
  @Column('date', { name: 'decided_on', nullable: true }) decidedOn: string | null;
}

/** An appeal against the order, on the route its legal basis and court give. */
@Entity('order_appeal')
export class OrderAppeal {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('text') tenant: string;
  @Column('text') route: AppealRoute;
  @Column('text') appellant: string;
  @Column('date', { name: 'lodged_on' }) lodgedOn: string;
  @Column('text') outcome: AppealOutcome;
  @Column('date', { name: 'decided_on', nullable: true }) decidedOn: string | null;
}
