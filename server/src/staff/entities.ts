import { Invitation } from '../invitations/invitation.entity';
import { Appointment } from './appointment.entity';

/** The onboarding tables (issue #4): role history and the principal's invitations. */
export const ONBOARDING_ENTITIES = [Appointment, Invitation];
