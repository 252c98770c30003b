/**
 * `attachment-blocking-disabled`: hm_settings enableattachmentblocking is 0, so the blocked-attachment list
 * (hm_blocked_attachments) is not applied and executables reach mailboxes.
 */
import type { Analyzer } from './analyzer.ts';
import { blockedAttachmentList } from './support/blockedAttachmentList.ts';
import { settingValue } from './support/settingValue.ts';

const SETTING = 'enableattachmentblocking';

export const attachmentBlockingDisabled: Analyzer = {
  id: 'attachmentBlockingDisabled',
  findingTypes: ['attachment-blocking-disabled'],
  needs: ['database'],
  run(caseData) {
    const setting = settingValue(caseData.database, SETTING);
    // An absent row says nothing about this server: only a recorded 0 is reported.
    if (!setting || setting.integer !== 0) return [];
    const list = blockedAttachmentList(caseData);
    return [
      {
        type: 'attachment-blocking-disabled',
        severity: 'medium',
        ref: { setting: SETTING },
        summary: `Attachment blocking is disabled (${SETTING} = 0): the ${list.wildcards.length} blocked types (${list.wildcards.join(' ')}) are delivered to mailboxes unchanged.`,
        details: { setting: SETTING, value: setting.integer, blockedList: list.wildcards, listSource: list.source },
      },
    ];
  },
};
