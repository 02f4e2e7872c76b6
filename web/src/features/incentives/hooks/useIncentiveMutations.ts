/**
 * POST /v1/gamification/presets/{name} (install a preset as a new version and replay), POST /v1/gamification/replay
 * (recompute everything from the events), PUT /v1/gamification/config (save a new version; a 400 names the field).
 * Each refreshes every incentives query when it succeeds.
 */
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { apiPost, apiPut } from '../../../api/client.ts';
import { INCENTIVES_KEY, type ConfigVersionBody, type ReplayReportBody } from './types.ts';

export interface InstalledPreset {
  version: number;
  replay: ReplayReportBody;
}

export function useInstallPresetMutation(): UseMutationResult<InstalledPreset, Error, string> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name) => apiPost<InstalledPreset>(`/v1/gamification/presets/${encodeURIComponent(name)}`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [INCENTIVES_KEY] }),
  });
}

export function useReplayMutation(): UseMutationResult<ReplayReportBody, Error, void> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<ReplayReportBody>('/v1/gamification/replay', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [INCENTIVES_KEY] }),
  });
}

export function useSaveConfigMutation(): UseMutationResult<ConfigVersionBody, Error, { config: Record<string, unknown>; note?: string }> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body) => apiPut<ConfigVersionBody>('/v1/gamification/config', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [INCENTIVES_KEY] }),
  });
}
