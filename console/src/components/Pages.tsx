import { useState } from 'react';
import { Button, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../i18n';

interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/**
 * A list read in keyset pages under filters kept in the address: the pages can go forward by
 * cursor and back by memory, and a filter changed starts again from the first page.
 */
export function useKeysetPages() {
  const [params, setParams] = useSearchParams();
  // cursors of the pages before this one
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setCursors([null]);
    setParams(next);
  };
  return {
    params,
    setFilter,
    /** The cursor the current page starts after. */
    after: cursors[cursors.length - 1],
    /** The count, in `unit` (个, 人, ...), and the previous and next buttons under a list. */
    pager: (page: { totalCount?: number; pageInfo: PageInfo } | undefined, unit = '个') => (
      <Pager page={page} unit={unit} back={cursors.length > 1 ? () => setCursors(cursors.slice(0, -1)) : undefined}
        forward={(cursor) => setCursors([...cursors, cursor])} />
    ),
  };
}

function Pager({ page, unit, back, forward }: {
  page: { totalCount?: number; pageInfo: PageInfo } | undefined;
  unit: string;
  back?: () => void;
  forward: (cursor: string | null) => void;
}) {
  const { t } = useI18n();
  const total = page?.totalCount;
  return (
    <Space style={{ marginTop: 16 }}>
      {total !== undefined && <Typography.Text>{t(`共 ${total} ${unit}`, `${total} in all`)}</Typography.Text>}
      <Button disabled={!back} onClick={back}>{t('上一页', 'Previous')}</Button>
      <Button disabled={!page?.pageInfo.hasNextPage} onClick={() => forward(page?.pageInfo.endCursor ?? null)}>{t('下一页', 'Next')}</Button>
    </Space>
  );
}
