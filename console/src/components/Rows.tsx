import type { ReactNode } from 'react';
import { Button, Form, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n';

/**
 * A list edited row by row: each row's fields on one line with a button that takes the row out,
 * and the list's own error (the API's, such as tranches adding up to more than the price) below.
 */
export function Rows({ name, title, add, children }: {
  name: string;
  title: string;
  add: string;
  children: (row: number, n: number) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form.List name={name}>
      {(rows, { add: append, remove }, { errors }) => (
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }} data-testid={`rows-${name}`}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{title}</legend>
          {rows.map((row, i) => (
            <Space key={row.key} wrap align="start" data-testid={`row-${name}`}>
              {children(row.name, i + 1)}
              <Button type="text" icon={<MinusCircleOutlined />} aria-label={t(`删除${title}第${i + 1}项`, `Remove ${title} row ${i + 1}`)}
                style={{ marginTop: 30 }} onClick={() => remove(row.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => append()} data-testid={`add-${name}`}>{add}</Button>
          <Form.ErrorList errors={errors} />
        </fieldset>
      )}
    </Form.List>
  );
}
