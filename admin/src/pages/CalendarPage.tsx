import { App, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';

interface Day { day: string; kind: 'off' | 'work'; name: string }
interface YearInfo { year: number; source: string; updatedAt: string; updatedBy: string }

/** 节假日日历: the system administrator enters each year's State Council arrangement. */
export default function CalendarPage() {
  const { message } = App.useApp();
  const [years, setYears] = useState<YearInfo[]>([]);
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [source, setSource] = useState('');
  const [days, setDays] = useState<Day[]>([]);
  const [draft, setDraft] = useState<Day>({ day: '', kind: 'off', name: '' });

  const load = useCallback(async (y: number) => {
    const data = await api<{ source: string | null; days: Day[] }>('GET', `/calendar/years/${y}`);
    setSource(data.source ?? '');
    setDays(data.days);
  }, []);
  useEffect(() => {
    void api<{ items: YearInfo[] }>('GET', '/calendar/years').then((r) => setYears(r.items));
  }, []);
  useEffect(() => void load(year).catch(() => undefined), [year, load]);

  const save = async () => {
    try {
      await api('PUT', `/calendar/years/${year}`, { source, days });
      message.success(`${year} 年节假日安排已保存`);
      setYears((await api<{ items: YearInfo[] }>('GET', '/calendar/years')).items);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '保存失败');
    }
  };
  const add = () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.day) || !draft.name) return message.error('请填写日期和节日名称');
    setDays([...days.filter((d) => d.day !== draft.day), draft].sort((a, b) => a.day.localeCompare(b.day)));
  };
  const known = years.some((y) => y.year === year);
  // Offer the year after the last one entered (the next to come) besides those already there.
  const lastYear = Math.max(0, ...years.map((y) => y.year));
  const yearOptions = [...new Set([...years.map((y) => y.year), lastYear + 1, new Date().getFullYear() + 1].filter((y) => y > 1))].sort((a, b) => b - a);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>节假日日历</Typography.Title>
      <Typography.Paragraph type="secondary">依申请公开等期限按工作日计算。国务院办公厅每年公布次年节假日安排后，请在此录入放假日期和调休上班日；未录入的年份不能计算期限。</Typography.Paragraph>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <span>年份</span>
          <Select aria-label="年份" value={year} style={{ width: 120 }} options={yearOptions.map((y) => ({ value: y, label: `${y} 年` }))} onChange={setYear} />
          <Typography.Text type={known ? 'secondary' : 'danger'}>{known ? '已录入' : '尚未录入'}</Typography.Text>
        </Space>
        <Input aria-label="依据的通知" placeholder="依据的通知名称或文号" value={source} onChange={(e) => setSource(e.target.value)} style={{ marginBottom: 12 }} />
        <Space wrap style={{ marginBottom: 12 }}>
          <Input type="date" aria-label="日期" value={draft.day} onChange={(e) => setDraft({ ...draft, day: e.target.value })} style={{ width: 170 }} />
          <Select aria-label="类型" value={draft.kind} style={{ width: 130 }} options={[{ value: 'off', label: '放假' }, { value: 'work', label: '调休上班' }]} onChange={(kind: Day['kind']) => setDraft({ ...draft, kind })} />
          <Input aria-label="节日名称" placeholder="节日名称，如 春节" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} style={{ width: 160 }} />
          <Button onClick={add}>加入</Button>
          <Button type="primary" onClick={save} disabled={source.trim().length < 4}>保存 {year} 年</Button>
        </Space>
        <Table<Day> rowKey="day" dataSource={days} pagination={{ pageSize: 40 }} size="small" columns={[
          { title: '日期', dataIndex: 'day' },
          { title: '类型', dataIndex: 'kind', render: (k: Day['kind']) => (k === 'off' ? '放假' : '调休上班') },
          { title: '节日', dataIndex: 'name' },
          { title: '操作', key: 'ops', render: (_, d) => <Button size="small" danger onClick={() => setDays(days.filter((x) => x.day !== d.day))}>移除</Button> },
        ]} />
      </Card>
    </>
  );
}
