// Where a business stands in the register. A business that signs itself up on the miniapp waits
// for a regulator of its region to confirm it (and set its grade) before it can submit records;
// one a regulator creates or imports is active at once.

export enum EnterpriseStatus {
  /** 待审核: registered by the business, not yet confirmed. */
  Pending = 'pending',
  /** 已确认: confirmed (or created by a regulator); its duties run. */
  Active = 'active',
  /** 已驳回: the regulator refused the registration, with a reason. */
  Rejected = 'rejected',
}

export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, string> = {
  [EnterpriseStatus.Pending]: '待审核',
  [EnterpriseStatus.Active]: '已确认',
  [EnterpriseStatus.Rejected]: '已驳回',
};
