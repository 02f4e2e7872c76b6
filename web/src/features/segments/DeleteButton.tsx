/** "Delete" with an inline confirmation naming the segment; the server keeps its history. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentBody } from '../../../../src/api/schemas/index.ts';
import { useDeleteSegmentMutation } from '../../hooks/useSegmentMutations.ts';

export function DeleteButton({ segment, onDeleted, small = false }: { segment: SegmentBody; onDeleted: () => void; small?: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteSegmentMutation();
  const size = small ? ' button--small' : '';
  if (!confirming) {
    return (
      <button type="button" className={`button button--danger${size}`} onClick={() => setConfirming(true)} data-testid="segment-delete">
        {t('segments.delete')}
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-label={t('segments.delete')} data-testid="segment-delete-confirm">
      <span>{t('segments.deleteConfirm', { name: segment.name })}</span>
      {remove.isError && <span className="field__error">{remove.error.message}</span>}
      <span className="confirm__buttons">
        <button
          type="button"
          className={`button button--danger-solid${size}`}
          disabled={remove.isPending}
          onClick={() => remove.mutate(segment.key, { onSuccess: onDeleted })}
          data-testid="segment-delete-yes"
        >
          {remove.isPending ? t('segments.deleting') : t('segments.deleteYes')}
        </button>
        <button type="button" className={`button${size}`} disabled={remove.isPending} onClick={() => setConfirming(false)}>
          {t('segments.cancel')}
        </button>
      </span>
    </div>
  );
}
