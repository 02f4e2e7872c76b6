/** "Load more" for cursor-paged lists; says so when there is nothing more. */
import { useTranslation } from 'react-i18next';

export function LoadMoreButton(props: { hasMore: boolean; loading: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  if (!props.hasMore) return <div className="load-more load-more--done">{t('common.noMore')}</div>;
  return (
    <div className="load-more">
      <button type="button" className="button" disabled={props.loading} onClick={props.onClick}>
        {props.loading ? t('common.loadingMore') : t('common.loadMore')}
      </button>
    </div>
  );
}
