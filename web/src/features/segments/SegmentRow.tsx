/** One saved segment in the list, with its actions: preview count, export CSV, edit, delete. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { SegmentBody } from '../../../../src/api/schemas/index.ts';
import { DeleteButton } from './DeleteButton.tsx';
import { ExportButton } from './ExportButton.tsx';
import { PreviewCountButton } from './PreviewCountButton.tsx';
import { useSegmentSummary } from './useSegmentSummary.ts';

export function SegmentRow({ segment, onEdit, onDeleted }: { segment: SegmentBody; onEdit: () => void; onDeleted: () => void }) {
  const { t } = useTranslation();
  const summarize = useSegmentSummary();
  return (
    <tr data-testid="segment-row" data-key={segment.key}>
      <td className="segment-table__name">
        <Link href={`/segments/${encodeURIComponent(segment.key)}`} data-testid="segment-link">
          {segment.name}
        </Link>
        <code className="segment-table__key">{segment.key}</code>
      </td>
      <td className="segment-table__summary" data-testid="segment-summary">
        {summarize(segment.definition)}
      </td>
      <td className="num">
        <PreviewCountButton definition={segment.definition} />
      </td>
      <td>
        <div className="actions">
          <ExportButton segmentKey={segment.key} small />
          <button type="button" className="button button--small" onClick={onEdit} data-testid="segment-edit">
            {t('segments.edit')}
          </button>
          <DeleteButton segment={segment} onDeleted={onDeleted} small />
        </div>
      </td>
    </tr>
  );
}
