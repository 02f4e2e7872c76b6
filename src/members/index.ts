/** Members: identities, identity resolution, merge/unmerge, profiles, search and timelines. */
export {
  normaliseIdentityValue,
  identityKeyString,
  CROSS_PLATFORM_KINDS,
  type IdentityKey,
  type IdentityKind,
} from './identity-keys.ts';
export { resolveBatch, type ResolvableEvent, type Resolution, type ResolutionWarning, type BatchResolution } from './resolver.ts';
export { mergeStoredMembers, splitIdentity, recomputeCounters } from './merge-writes.ts';
export { displayNameFrom } from './traits.ts';
export { mergeMembers, unmergeIdentity, type IdentityRef } from './operations.ts';
export { replayIdentities, type ReplayReport } from './replay.ts';
export { liveMemberId, identityHolder, externalIds, identifiedMembers } from './lookup.ts';
export { getMemberProfile, searchMembers, memberTimeline, type MemberSummaryView } from './profile.ts';
export { memberCounts, remapsAfter, lastRemapId, type MemberRemap } from './counts.ts';
export { memberTraitsById, traitsChangedSince, memberNames } from './traits.ts';
