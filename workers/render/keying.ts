/*
 * Chroma key on the GPU (WebGL2) in the render worker: the avatar's frame goes in as a texture,
 * comes out with the backdrop transparent, soft-edged and without colour spill. The formula is
 * src/lipsync/warp/key.ts's (keyPixel); where WebGL2 is missing the CPU version runs instead.
 */
import { cpuKeyer, keyParams, type KeyParams } from '../../src/lipsync/warp/key.ts';
import type { Keyer } from '../../src/lipsync/warp/types.ts';
import type { Rgb } from '../../src/avatar/types.ts';

const VERT = `#version 300 es
in vec2 pos;
out vec2 uv;
void main() {
  uv = vec2(pos.x * 0.5 + 0.5, 0.5 - pos.y * 0.5);
  gl_Position = vec4(pos, 0.0, 1.0);
}`;

const FRAG = `#version 300 es
precision highp float;
uniform sampler2D src;
uniform vec3 keyRgb;
uniform float lo;
uniform float hi;
uniform float spill;
uniform bool chroma;
in vec2 uv;
out vec4 outColor;
vec3 ycc(vec3 c) { float y = dot(c, vec3(0.299, 0.587, 0.114)); return vec3(y, (c.b - y) * 0.565, (c.r - y) * 0.713); }
void main() {
  vec4 p = texture(src, uv);
  vec3 a = ycc(p.rgb);
  vec3 k = ycc(keyRgb);
  float d = chroma ? distance(a.yz, k.yz) * 2.0 : distance(p.rgb, keyRgb) / sqrt(3.0);
  float alpha = smoothstep(lo, hi, d);
  vec3 rgb = p.rgb;
  if (spill > 0.0) {
    vec2 u = normalize(k.yz);
    float s = max(0.0, dot(a.yz, u)) * spill;
    vec2 c = a.yz - u * s;
    float r = a.x + c.y / 0.713;
    float b = a.x + c.x / 0.565;
    float g = (a.x - 0.299 * r - 0.114 * b) / 0.587;
    rgb = clamp(vec3(r, g, b), 0.0, 1.0);
  }
  alpha *= p.a;
  outColor = vec4(rgb * alpha, alpha);
}`;

function compile(gl: WebGL2RenderingContext, type: number, src: string): WebGLShader {
  const s = gl.createShader(type)!;
  gl.shaderSource(s, src);
  gl.compileShader(s);
  if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`keying shader: ${gl.getShaderInfoLog(s) ?? 'failed'}`);
  return s;
}

/** A WebGL2 keyer for frames of width x height, or null where WebGL2 is unavailable. */
export function createGpuKeyer(key: Rgb, width: number, height: number, params: KeyParams = keyParams(key)): Keyer | null {
  const canvas = new OffscreenCanvas(width, height);
  const gl = canvas.getContext('webgl2', { premultipliedAlpha: true, alpha: true, antialias: false, preserveDrawingBuffer: true });
  if (!gl) return null;
  const prog = gl.createProgram()!;
  gl.attachShader(prog, compile(gl, gl.VERTEX_SHADER, VERT));
  gl.attachShader(prog, compile(gl, gl.FRAGMENT_SHADER, FRAG));
  gl.linkProgram(prog);
  if (!gl.getProgramParameter(prog, gl.LINK_STATUS)) return null;
  gl.useProgram(prog);
  const buf = gl.createBuffer();
  gl.bindBuffer(gl.ARRAY_BUFFER, buf);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
  const loc = gl.getAttribLocation(prog, 'pos');
  gl.enableVertexAttribArray(loc);
  gl.vertexAttribPointer(loc, 2, gl.FLOAT, false, 0, 0);
  const tex = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, tex);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  gl.uniform3f(gl.getUniformLocation(prog, 'keyRgb'), key[0] / 255, key[1] / 255, key[2] / 255);
  gl.uniform1f(gl.getUniformLocation(prog, 'lo'), params.lo);
  gl.uniform1f(gl.getUniformLocation(prog, 'hi'), params.hi);
  gl.uniform1f(gl.getUniformLocation(prog, 'spill'), params.spill);
  gl.uniform1i(gl.getUniformLocation(prog, 'chroma'), params.chroma ? 1 : 0);
  gl.viewport(0, 0, width, height);
  return (src) => {
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, src);
    gl.clearColor(0, 0, 0, 0);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    return canvas;
  };
}

/** The GPU keyer where WebGL2 works, else the CPU one. */
export function createKeyer(key: Rgb, width: number, height: number): Keyer {
  try {
    return createGpuKeyer(key, width, height) ?? cpuKeyer(key, width, height);
  } catch {
    return cpuKeyer(key, width, height);
  }
}
