import { Credential } from './credential.entity';
import { EnterpriseTodo } from './enterprise-todo.entity';
import { SpotExam } from './spot-exam.entity';
import { Training } from './training.entity';

export { Credential, EnterpriseTodo, SpotExam, Training };

/** The 三人三责 papers' tables (migration 1764500000000-credentials). */
export const STAFF_DUTY_ENTITIES = [Credential, Training, SpotExam, EnterpriseTodo];
