/** A preview: members matching now out of those scored, explained, and a sample linking to member pages. */
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { HelpTip } from '../../components/ui/HelpTip.tsx';
import type { SegmentPreview } from '../../hooks/useSegmentPreview.ts';
import { useFormat } from '../../i18n/useFormat.ts';

export function PreviewResult({ preview, stale }: { preview: SegmentPreview; stale: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className={`segment-preview${stale ? ' is-stale' : ''}`} data-testid="segment-preview-result" aria-label={t('segments.preview.title')}>
      <div className="segment-preview__count">
        <span data-testid="segment-preview-count" data-count={preview.count} data-scored={preview.scored}>
          {t('segments.preview.count', { count: f.number(preview.count), scored: f.number(preview.scored) })}
        </span>
        <HelpTip text={t('segments.preview.countHelp')} align="start" />
        {preview.scored > 0 && <span className="muted small">{t('segments.preview.share', { share: f.percent(preview.count / preview.scored) })}</span>}
      </div>
      {preview.scored === 0 ? (
        <p className="muted">{t('segments.preview.noScores')}</p>
      ) : preview.count === 0 ? (
        <p className="muted">{t('segments.preview.none')}</p>
      ) : (
        preview.sample.length > 0 && (
          <div>
            <div className="muted small">{t('segments.preview.sample', { n: f.number(preview.sample.length) })}</div>
            <div className="sample-links">
              {preview.sample.map((id) => (
                <Link key={id} href={`/members/${encodeURIComponent(id)}`} className="tag sample-link" data-testid="segment-sample-link">
                  {id}
                </Link>
              ))}
            </div>
          </div>
        )
      )}
    </section>
  );
}
