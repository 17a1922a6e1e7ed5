import { Card, Descriptions, Tag, Typography } from 'antd';
import { formatTime, type Me } from '../api';

export default function HomePage({ me }: { me: Me }) {
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>工作台</Typography.Title>
      <Card>
        <Descriptions column={1} title="当前账号">
          <Descriptions.Item label="姓名">{me.user.displayName}</Descriptions.Item>
          <Descriptions.Item label="用户名">{me.user.username}</Descriptions.Item>
          <Descriptions.Item label="所属单位">{me.user.unitName}</Descriptions.Item>
          <Descriptions.Item label="角色">{me.user.roles.map((r) => <Tag key={r}>{me.roleLabels[r]}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label="本次登录">{formatTime(me.user.lastLoginAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
