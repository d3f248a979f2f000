// The three.js classes the scene writes as JSX elements (<mesh>, <group>, …). R3F's <Canvas>
// registers its whole `three` namespace as elements (`extend(THREE)`), which keeps every class of
// three.js in the bundle, used or not. The production build hands <Canvas> this module as its
// `three` instead (vite.config.ts, `threeCatalogue`), so only these and what the scene imports
// itself are bundled: about 60 KiB less gzipped JavaScript before the first frame.
//
// A new element name in the scene must be added here, or R3F throws "X is not part of the THREE
// namespace" in the built app (the dev server keeps the whole namespace). A test
// (tests/architecture/three-catalogue.test.ts) compares this list with the JSX of src/scene.
// <primitive object={…}> needs no entry: it takes an object already made.

export { Color, Group, LineBasicMaterial, LineSegments, Mesh, MeshBasicMaterial, Points } from 'three'
