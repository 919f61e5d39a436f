/** What the fan-out needs to know about the channels this deployment has. */
export interface ChannelSettings {
  publicBaseUrl: string;
  emailEnabled: boolean;
  agencyNatsEnabled: boolean;
  subjectPrefix: string;
  digestHour: number;
}

export const CHANNEL_SETTINGS = Symbol('CHANNEL_SETTINGS');
