// The names of statuses, sectors, roles, kinds of operation, policies, review states and kinds of
// source in a page's language (messages/<lang>/labels.yaml). Pure.
import type { Operation, PolicyId, Role, Sector, SourceKind, TaskForce } from "../model.ts";
import { format, msg, type Messages } from "../i18n/message.ts";
import type { Status } from "../score/types.ts";

const label = (messages: Messages, id: string): string => format(messages, msg(`label.${id}`));

export const statusText = (m: Messages, s: Status): string => label(m, `status.${s}`);
export const sectorText = (m: Messages, s: Sector): string => label(m, `sector.${s}`);
export const roleText = (m: Messages, r: Role): string => label(m, `role.${r}`);
export const operationTypeText = (m: Messages, t: Operation["type"]): string => label(m, `operation-type.${t}`);
export const policyText = (m: Messages, p: PolicyId): string => label(m, `policy.${p}`);
export const reviewText = (m: Messages, r: TaskForce["review"]["status"]): string => label(m, `review.${r}`);
export const sourceKindText = (m: Messages, k: SourceKind): string => label(m, `source-kind.${k}`);
export const sourceKindTitle = (m: Messages, k: SourceKind): string => label(m, `source-kind-title.${k}`);
/** "yes", "no", "unknown" (and any other word the data gives, as written). */
export const yesNoText = (m: Messages, v: string): string => (v === "yes" || v === "no" || v === "unknown" ? label(m, `yes-no.${v}`) : v);

/** The policies in the order every page lists them. */
export const POLICY_IDS: readonly PolicyId[] = [
  "non_arrest_of_people_selling_sex",
  "non_punishment_of_victims",
  "no_condoms_as_evidence",
  "services_without_arrest_or_cooperation",
  "low_barrier_services",
  "immigration_protections",
  "publishes_data_by_charge",
  "community_oversight",
  "collateral_consequences_support",
];
