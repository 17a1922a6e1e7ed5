import { Card, Col, InputNumber, Row, Space, Statistic, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../api';

interface Dashboard {
  year: number;
  totals: { received: number; answered: number; onTimeRate: number | null; appeals: number };
  perUnit: Array<{ unitId: number; unitName: string; received: number; answered: number; onTime: number; onTimeRate: number | null; appeals: number }>;
  monthly: Array<{ month: number; received: number; answered: number }>;
  outcomes: Array<{ group: string; count: number }>;
  appeals: Array<{ kind: string; label: string; upheld: number; corrected: number; other: number; pending: number; total: number }>;
  reports: { departmentsBy: string; governmentsBy: string; published: number; pending: Array<{ unitId: number; unitName: string; deadline: string; status: string }> };
}

const COLORS = ['#a61b1b', '#1a5fb4', '#2e7d32', '#8a5a00', '#6a1b9a', '#37474f'];

/** Horizontal bars (SVG, no chart library); the numbers are also written beside each bar. */
function Bars({ title, data }: { title: string; data: Array<{ label: string; value: number }> }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const row = 28;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{title}</figcaption>
      <svg role="img" aria-label={`${title}：${data.map((d) => `${d.label} ${d.value}`).join('，')}`} width="100%" style={{ maxWidth: 520 }} viewBox={`0 0 480 ${data.length * row + 4}`}>
        {data.map((d, i) => (
          <g key={d.label} transform={`translate(0 ${i * row})`}>
            <text x={0} y={18} fontSize={13} fill="#222">{d.label}</text>
            <rect x={150} y={5} height={18} width={(d.value / max) * 270} fill={COLORS[i % COLORS.length]} rx={2} />
            <text x={150 + (d.value / max) * 270 + 6} y={19} fontSize={13} fill="#222">{d.value}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

/** Received and answered per month, as paired columns. */
function Monthly({ data }: { data: Dashboard['monthly'] }) {
  const max = Math.max(1, ...data.flatMap((d) => [d.received, d.answered]));
  const h = 160;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>按月收到（红）和答复（蓝）的申请</figcaption>
      <svg role="img" aria-label={`按月收到和答复：${data.map((d) => `${d.month}月 收到${d.received} 答复${d.answered}`).join('，')}`} width="100%" style={{ maxWidth: 520 }} viewBox={`0 0 480 ${h + 24}`}>
        {data.map((d, i) => {
          const x = 8 + i * 39;
          const bar = (v: number, dx: number, color: string) => <rect x={x + dx} y={h - (v / max) * h} width={14} height={(v / max) * h} fill={color} />;
          return (
            <g key={d.month}>
              {bar(d.received, 0, '#a61b1b')}
              {bar(d.answered, 16, '#1a5fb4')}
              <text x={x + 15} y={h + 16} fontSize={12} textAnchor="middle" fill="#222">{d.month}月</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** 统计: the disclosure office's view of a year's requests, appeals and annual-report progress. */
export default function DashboardTab() {
  const [year, setYear] = useState(new Date().getFullYear());
  const [data, setData] = useState<Dashboard | null>(null);
  useEffect(() => void api<Dashboard>('GET', '/annual-reports/dashboard', undefined, { year }).then(setData).catch(() => setData(null)), [year]);
  const csv = data ? '\uFEFF单位,收到,答复,按期答复,按期答复率(%),复议诉讼\n' + data.perUnit.map((u) => [u.unitName, u.received, u.answered, u.onTime, u.onTimeRate ?? '', u.appeals].join(',')).join('\n') : '';
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Space>
        <label htmlFor="dash-year">年度</label>
        <InputNumber id="dash-year" min={2008} max={2100} value={year} onChange={(y) => y && setYear(y)} />
        {data && <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`} download={`${year}年依申请公开统计.csv`}>导出 CSV</a>}
      </Space>
      {data && (
        <>
          <Row gutter={16}>
            <Col xs={12} md={6}><Card><Statistic title="本年收到申请" value={data.totals.received} /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="本年答复" value={data.totals.answered} /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="按期答复率" value={data.totals.onTimeRate ?? '—'} suffix={data.totals.onTimeRate === null ? '' : '%'} /></Card></Col>
            <Col xs={12} md={6}><Card><Statistic title="复议、诉讼" value={data.totals.appeals} /></Card></Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}><Card><Monthly data={data.monthly} /></Card></Col>
            <Col xs={24} lg={12}><Card><Bars title="办理结果分布" data={data.outcomes.map((o) => ({ label: o.group, value: o.count }))} /></Card></Col>
          </Row>
          <Card title="各单位办理情况">
            <Bars title="各单位本年收到申请" data={data.perUnit.slice().sort((a, b) => b.received - a.received).slice(0, 10).map((u) => ({ label: u.unitName.replace(/^三明市/, ''), value: u.received }))} />
            <Table rowKey="unitId" size="small" pagination={{ pageSize: 20 }} dataSource={data.perUnit} style={{ marginTop: 12 }}
              columns={[
                { title: '单位', dataIndex: 'unitName' },
                { title: '收到', dataIndex: 'received', sorter: (a, b) => a.received - b.received },
                { title: '答复', dataIndex: 'answered', sorter: (a, b) => a.answered - b.answered },
                { title: '按期答复率', dataIndex: 'onTimeRate', sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1), render: (v: number | null) => (v === null ? '—' : `${v}%`) },
                { title: '复议诉讼', dataIndex: 'appeals', sorter: (a, b) => a.appeals - b.appeals },
              ]} />
          </Card>
          <Card title="行政复议、行政诉讼">
            <Table rowKey="kind" size="small" pagination={false} dataSource={data.appeals}
              columns={[{ title: '类别', dataIndex: 'label' }, { title: '结果维持', dataIndex: 'upheld' }, { title: '结果纠正', dataIndex: 'corrected' }, { title: '其他结果', dataIndex: 'other' }, { title: '尚未审结', dataIndex: 'pending' }, { title: '总计', dataIndex: 'total' }]} />
          </Card>
          <Card title={`${year} 年度报告发布进度（部门 ${data.reports.departmentsBy} 前，政府 ${data.reports.governmentsBy} 前）`}>
            <p>已发布 {data.reports.published} 个单位，尚未发布 {data.reports.pending.length} 个单位。</p>
            <Table rowKey="unitId" size="small" pagination={{ pageSize: 10 }} dataSource={data.reports.pending}
              columns={[{ title: '单位', dataIndex: 'unitName' }, { title: '法定期限', dataIndex: 'deadline', sorter: (a, b) => a.deadline.localeCompare(b.deadline) }, { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{({ none: '未生成', draft: '草稿', submitted: '待审核' } as Record<string, string>)[s] ?? s}</Tag> }]} />
          </Card>
        </>
      )}
    </Space>
  );
}
