import { Card, Input, Select, Space, Table, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { formatTime, withQuery, type AuditEntry } from '../api';
import { usePagedList } from '../usePagedList';
import { buildTree, useUnits } from '../units';

interface Filters {
  actor?: string;
  unitId?: number;
  entityType?: string;
  from?: string;
  to?: string;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const ENTITY_TYPES = [{ value: 'user', label: '用户' }, { value: 'unit', label: '单位' }];

const Json = ({ value }: { value: unknown }) =>
  value === null || value === undefined ? <span>—</span> : <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 13 }}>{JSON.stringify(value, null, 2)}</pre>;

export default function AuditPage() {
  const { units } = useUnits();
  const tree = useMemo(() => buildTree(units), [units]);
  const [filters, setFilters] = useState<Filters>({ page: 1, pageSize: 20, order: 'desc' });
  const { data, loading } = usePagedList<AuditEntry>('/audit', { ...filters });

  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch, page: 1 }));

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>审计日志</Typography.Title>
      <Typography.Paragraph type="secondary">所有登录和数据变更都记录在此，记录只能追加，不能修改或删除；每条记录以 SM3 哈希与上一条相连，可用 npm run audit:verify 校验完整性。</Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search aria-label="操作人" placeholder="操作人" allowClear onSearch={(actor) => set({ actor })} style={{ width: 180 }} />
          <TreeSelect aria-label="单位" style={{ width: 260 }} treeData={tree} allowClear placeholder="全部单位" showSearch treeNodeFilterProp="title" onChange={(unitId?: number) => set({ unitId })} />
          <Select aria-label="对象类型" placeholder="全部对象" allowClear style={{ width: 120 }} options={ENTITY_TYPES} onChange={(entityType?: string) => set({ entityType })} />
          <label>自 <Input type="date" aria-label="起始日期" style={{ width: 160 }} onChange={(e) => set({ from: e.target.value || undefined })} /></label>
          <label>至 <Input type="date" aria-label="截止日期" style={{ width: 160 }} onChange={(e) => set({ to: e.target.value || undefined })} /></label>
          <a href={withQuery('/api/v1/audit/export.csv', { ...filters, page: undefined, pageSize: undefined })}>导出 CSV</a>
        </Space>
        <Table<AuditEntry>
          rowKey="seq"
          loading={loading}
          dataSource={data.items}
          scroll={{ x: 900 }}
          onChange={(p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            setFilters((f) => ({ ...f, page: p.current ?? 1, pageSize: p.pageSize ?? 20, order: s?.order === 'ascend' ? 'asc' : 'desc' }));
          }}
          pagination={{ current: filters.page, pageSize: filters.pageSize, total: data.total, showTotal: (t) => `共 ${t} 条`, showSizeChanger: true }}
          expandable={{ expandedRowRender: (r) => <Space align="start" size="large"><div><strong>变更前</strong><Json value={r.before} /></div><div><strong>变更后</strong><Json value={r.after} /></div></Space> }}
          columns={[
            { title: '序号', dataIndex: 'seq', sorter: true, defaultSortOrder: 'descend', sortDirections: ['descend', 'ascend'] },
            { title: '时间', dataIndex: 'at', render: formatTime },
            { title: '操作人', dataIndex: 'actorName' },
            { title: '单位', dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
            { title: '操作', dataIndex: 'actionLabel' },
            { title: '对象', render: (_, r) => `${ENTITY_TYPES.find((t) => t.value === r.entityType)?.label ?? r.entityType} ${r.entityId ?? ''}` },
            { title: 'IP', dataIndex: 'ip' },
          ]}
        />
      </Card>
    </>
  );
}
