/** Words naming the attached message a part was found in (" inside the attached message fwd.eml"), or "". */
import type { AttachmentInfo } from '../../model/message.ts';

export function containerNote(att: Pick<AttachmentInfo, 'container'>): string {
  return att.container ? ` inside the attached message ${att.container}` : '';
}
