import { Select } from '@fluentui/react-components';
import { PRODUCTS, PRODUCT_VERSIONS, type ProductVersion } from '../../core/model/product';

/** The product version chooser: Lync Server 2013, Skype for Business Server 2015 or 2019. */
export function ProductSelect({
  value,
  onChange,
}: {
  value: ProductVersion;
  onChange: (product: ProductVersion) => void;
}) {
  return (
    <Select value={value} onChange={(_, d) => onChange(d.value as ProductVersion)}>
      {PRODUCT_VERSIONS.map((p) => (
        <option key={p} value={p}>
          {PRODUCTS[p].name}
        </option>
      ))}
    </Select>
  );
}
