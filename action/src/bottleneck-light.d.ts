// `bottleneck/light.js` (what the throttling plugin uses: no clustering) has the types of the
// full package.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
